/*
 * Copyright (c) 2026 Lakmoes contributors
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
 * WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
 * MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
 * ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
 * WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
 * ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF
 * OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
 */

/*
 * A frozen progress report as an Excel workbook (Debian's libxlsxwriter):
 * sheet "Cijfers" with Dutch headers and number formats, sheet
 * "Transitiemonitor" with the report's transition monitor summary, sheet
 * "Weggelaten" with the indicators the report leaves out and why (reports
 * established since it records them), sheet "Toelichting" on period, establishment, hash, status, sources and
 * disclosure control (with the threshold the report was established
 * under, when it records one). The data sheets are written by one
 * function from a table of their columns (xlsx_sheet), ready to sort,
 * filter and print: the header row frozen, filtered and repeated on
 * every printed page, landscape A4 one page wide.
 * The same report gives the same file, byte for byte, at every download:
 * the workbook's creation time is the report's establishment (left to
 * libxlsxwriter, it would be the time of the download), so a copy
 * archived by a ministry can be checked against the API later, and the
 * ETag (a hash of the body) holds.
 * libxlsxwriter 1.1.4 writes to a file, so the workbook goes through a
 * temporary file in LAKMOES_TMPDIR (default /tmp), read back and removed.
 */

#include <sys/stat.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "lakmoes.h"

/* The workbook's cell formats, made once. */
struct xlsx_formats {
	lxw_format	*bold;
	lxw_format	*header;
	lxw_format	*whole;
	lxw_format	*decimal;
};

/*
 * A column of a data sheet: its header and width, where its value is in a
 * row of the report (key, or field sub of the object at key) and how it is
 * written.
 */
#define XLSX_TEXT	0
#define XLSX_NUMBER	1	/* a plain number (a result, a horizon) */
#define XLSX_AMOUNT	2	/* a number in the row's eenheid */
#define XLSX_DECIMAL	3	/* a number with one decimal (a change in %) */

struct xlsx_col {
	const char	*header;
	double		 width;
	const char	*key;
	const char	*sub;
	int		 kind;
};

static void	xlsx_sheet(lxw_workbook *, const struct xlsx_formats *, const char *,
		    const struct xlsx_col *, json_t *, const char *);
static int	xlsx_utc(const char *, time_t *);
static lxw_workbook	*xlsx_open(char *, size_t, lxw_doc_properties *);
static int	xlsx_close(lxw_workbook *, const char *, struct api_buf *);
static void	xlsx_formats(lxw_workbook *, struct xlsx_formats *);
static void	xlsx_explanation(lxw_workbook *, const struct xlsx_formats *, json_t *);
static lxw_format	*xlsx_unit_format(const struct xlsx_formats *, json_t *);
static int	xlsx_slurp(const char *, struct api_buf *);

/* Sheet "Cijfers": the report's figures, one row per indicator. */
static const struct xlsx_col xlsx_figure_cols[] = {
	{ "Indicator", 28, "indicator", NULL, XLSX_TEXT },
	{ "Naam", 50, "naam", NULL, XLSX_TEXT },
	{ "Eenheid", 16, "eenheid", NULL, XLSX_TEXT },
	{ "Gebied", 10, "gebied", NULL, XLSX_TEXT },
	{ "Waarde", 16, "waarde", NULL, XLSX_AMOUNT },
	{ "Per 1.000", 12, "per1000", NULL, XLSX_DECIMAL },
	{ "Grondslag per 1.000", 22, "basisIndicator", NULL, XLSX_TEXT },
	{ "Status", 16, "status", NULL, XLSX_TEXT },
	{ "Bron", 36, "bron", NULL, XLSX_TEXT },
	{ "Gebieden geleverd", 12, "ledenGeleverd", NULL, XLSX_NUMBER },
	{ "Gebieden totaal", 12, "ledenTotaal", NULL, XLSX_NUMBER },
	{ "Kwartalen geleverd", 12, "kwartalenGeleverd", NULL, XLSX_NUMBER },
	{ "Kwartalen totaal", 12, "kwartalenTotaal", NULL, XLSX_NUMBER },
	{ "Vorige periode", 16, "vorigePeriode", "periode", XLSX_TEXT },
	{ "Waarde vorige periode", 16, "vorigePeriode", "waarde", XLSX_AMOUNT },
	{ "Jaar eerder", 16, "jaarEerder", "periode", XLSX_TEXT },
	{ "Waarde jaar eerder", 16, "jaarEerder", "waarde", XLSX_AMOUNT },
	{ "Verschil t.o.v. vorige periode", 16, "verschilVorigePeriode", NULL, XLSX_AMOUNT },
	{ "Verschil t.o.v. jaar eerder", 16, "verschilJaarEerder", NULL, XLSX_AMOUNT },
	{ "Verschil t.o.v. jaar eerder (%)", 16, "verschilJaarEerderProcent", NULL, XLSX_DECIMAL },
	{ "Geheimhouding", 16, "geheimhouding", NULL, XLSX_TEXT },
	{ "Nulmeting", 16, "nulmeting", NULL, XLSX_AMOUNT },
	{ "Streefwaarde", 16, "streefwaarde", NULL, XLSX_AMOUNT },
	{ "Streefvorm", 16, "streefvorm", NULL, XLSX_TEXT },
	{ "Streefjaar", 12, "streefjaar", NULL, XLSX_NUMBER },
	{ "Afstand tot streefwaarde", 16, "afstandTotStreefwaarde", NULL, XLSX_AMOUNT },
	{ "Gevalideerd sinds", 22, "validatie", "sinds", XLSX_TEXT },
	{ "Validatiebesluit", 16, "validatie", "besluit", XLSX_NUMBER },
	{ NULL, 0, NULL, NULL, XLSX_TEXT }
};

/* Sheet "Transitiemonitor": the report's summary, one row per part and measure. */
static const struct xlsx_col xlsx_transition_cols[] = {
	{ "Onderdeel", 18, "onderdeel", NULL, XLSX_TEXT },
	{ "Indicator", 18, "indicator", NULL, XLSX_TEXT },
	{ "Gewenst resultaat", 18, "resultaat", NULL, XLSX_NUMBER },
	{ "Niveau", 18, "niveau", NULL, XLSX_TEXT },
	{ "Horizon", 18, "horizon", NULL, XLSX_NUMBER },
	{ "Begrotingspost", 18, "post", NULL, XLSX_TEXT },
	{ "Groep", 18, "groep", NULL, XLSX_TEXT },
	{ "Maat", 18, "maat", NULL, XLSX_TEXT },
	{ "Eenheid", 18, "eenheid", NULL, XLSX_TEXT },
	{ "Waarde", 18, "waarde", NULL, XLSX_AMOUNT },
	{ "Geheimhouding", 18, "geheimhouding", NULL, XLSX_TEXT },
	{ NULL, 0, NULL, NULL, XLSX_TEXT }
};

/* Sheet "Weggelaten": the indicators without a figure in the report, and why. */
static const struct xlsx_col xlsx_left_out_cols[] = {
	{ "Indicator", 28, "indicator", NULL, XLSX_TEXT },
	{ "Naam", 50, "naam", NULL, XLSX_TEXT },
	{ "Monitoringtype", 16, "monitoringtype", NULL, XLSX_TEXT },
	{ "Validatiestatus", 16, "validatiestatus", NULL, XLSX_TEXT },
	{ "Reden", 60, "reden", NULL, XLSX_TEXT },
	{ NULL, 0, NULL, NULL, XLSX_TEXT }
};

/* Builds the workbook for report (the stored JSON) into out. */
int
xlsx_report(json_t *report, struct api_buf *out)
{
	lxw_doc_properties	 props;
	lxw_workbook		*wb;
	struct xlsx_formats	 f;
	json_t			*inhoud;
	const char		*periode = json_string_value(json_object_get(report, "periode"));
	char			 path[256], title[64], comments[128], footer[96];

	memset(&props, 0, sizeof(props));
	if (periode == NULL || !xlsx_utc(json_string_value(json_object_get(report, "vastgesteldOp")),
	    &props.created))
		return (KORE_RESULT_ERROR);
	(void)snprintf(title, sizeof(title), "Voortgangsrapportage %s", periode);
	(void)snprintf(comments, sizeof(comments), "Inhoud (SHA-256): %s",
	    json_string_value(json_object_get(report, "inhoudHash")));
	/* left: the report; right: the page (&P) of the pages (&N) */
	(void)snprintf(footer, sizeof(footer), "&L%s&Rpagina &P van &N", title);
	props.title = title;
	props.subject = "Toekomstscenario kind- en gezinsbescherming: voortgang voor de Tweede Kamer";
	props.comments = comments;
	if ((wb = xlsx_open(path, sizeof(path), &props)) == NULL)
		return (KORE_RESULT_ERROR);
	xlsx_formats(wb, &f);
	inhoud = json_object_get(report, "inhoud");
	xlsx_sheet(wb, &f, "Cijfers", xlsx_figure_cols, json_object_get(inhoud, "cijfers"), footer);
	xlsx_sheet(wb, &f, "Transitiemonitor", xlsx_transition_cols,
	    json_object_get(inhoud, "transitiemonitor"), footer);
	if (json_is_array(json_object_get(inhoud, "weggelaten")))
		xlsx_sheet(wb, &f, "Weggelaten", xlsx_left_out_cols, json_object_get(inhoud, "weggelaten"), footer);
	xlsx_explanation(wb, &f, report);
	return (xlsx_close(wb, path, out));
}

/*
 * A page of a collection as one sheet (name): sheet is {"columns": [the
 * result's column names], "rows": [objects keyed by them]}, as the JSON
 * answer has them. Numbers are number cells (whole ones with thousands
 * separators), true/false boolean cells, null an empty cell, text as it
 * is, a list or object its JSON text. The header row stays in view and has
 * filters. The file's creation time is fixed (the programme's start), so
 * that the same figures give the same file and the same ETag.
 */
int
xlsx_table(const char *name, json_t *sheet, struct api_buf *out)
{
	lxw_doc_properties	 props;
	lxw_workbook		*wb;
	lxw_worksheet		*ws;
	struct xlsx_formats	 f;
	json_t			*columns = json_object_get(sheet, "columns");
	json_t			*rows = json_object_get(sheet, "rows");
	json_t			*row, *v, *cell;
	const char		*key;
	char			 path[256], *text;
	size_t			 r, c;
	double			 width;

	memset(&props, 0, sizeof(props));
	props.title = (char *)name;
	props.created = 1609459200;	/* 2021-01-01T00:00:00Z */
	if ((wb = xlsx_open(path, sizeof(path), &props)) == NULL)
		return (KORE_RESULT_ERROR);
	xlsx_formats(wb, &f);
	ws = workbook_add_worksheet(wb, name);
	json_array_foreach(columns, c, v) {
		key = json_string_value(v);
		width = key != NULL ? (double)strlen(key) + 2 : 10;
		(void)worksheet_write_string(ws, 0, (lxw_col_t)c, key != NULL ? key : "", f.header);
		(void)worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width < 12 ? 12 : width > 40 ? 40 : width,
		    NULL);
	}
	json_array_foreach(rows, r, row) {
		json_array_foreach(columns, c, v) {
			key = json_string_value(v);
			cell = key != NULL ? json_object_get(row, key) : NULL;
			if (json_is_integer(cell))
				(void)worksheet_write_number(ws, (lxw_row_t)r + 1, (lxw_col_t)c,
				    (double)json_integer_value(cell), f.whole);
			else if (json_is_real(cell))
				(void)worksheet_write_number(ws, (lxw_row_t)r + 1, (lxw_col_t)c, json_real_value(cell),
				    NULL);
			else if (json_is_boolean(cell))
				(void)worksheet_write_boolean(ws, (lxw_row_t)r + 1, (lxw_col_t)c, json_is_true(cell),
				    NULL);
			else if (json_is_string(cell))
				(void)worksheet_write_string(ws, (lxw_row_t)r + 1, (lxw_col_t)c, json_string_value(cell),
				    NULL);
			else if ((json_is_array(cell) || json_is_object(cell)) &&
			    (text = json_dumps(cell, JSON_COMPACT)) != NULL) {
				(void)worksheet_write_string(ws, (lxw_row_t)r + 1, (lxw_col_t)c, text, NULL);
				free(text);
			}
		}
	}
	worksheet_freeze_panes(ws, 1, 0);
	if (json_array_size(columns) > 0)
		(void)worksheet_autofilter(ws, 0, 0, (lxw_row_t)json_array_size(rows),
		    (lxw_col_t)json_array_size(columns) - 1);
	return (xlsx_close(wb, path, out));
}

/*
 * A new workbook with props in a temporary file in LAKMOES_TMPDIR (default
 * /tmp), whose name goes into path; NULL on failure, with nothing left.
 */
static lxw_workbook *
xlsx_open(char *path, size_t len, lxw_doc_properties *props)
{
	lxw_workbook_options	 opt;
	lxw_workbook		*wb;
	const char		*tmpdir = getenv("LAKMOES_TMPDIR");
	int			 fd, n;

	if (tmpdir == NULL || *tmpdir == '\0')
		tmpdir = "/tmp";
	/* mkstemp()'s template: the name ends in six 'X' that it replaces. */
	n = snprintf(path, len - 7, "%s/lakmoes-xlsx-", tmpdir);
	if (n < 0 || (size_t)n >= len - 7)
		return (NULL);
	memset(path + n, 'X', 6);
	path[n + 6] = '\0';
	if ((fd = mkstemp(path)) == -1)
		return (NULL);
	(void)close(fd);
	memset(&opt, 0, sizeof(opt));
	opt.tmpdir = (char *)tmpdir;
	if ((wb = workbook_new_opt(path, &opt)) == NULL) {
		(void)unlink(path);
		return (NULL);
	}
	(void)workbook_set_properties(wb, props);
	return (wb);
}

/* Writes the workbook, reads its file into out and removes the file. */
static int
xlsx_close(lxw_workbook *wb, const char *path, struct api_buf *out)
{
	int	ok;

	ok = workbook_close(wb) == LXW_NO_ERROR && xlsx_slurp(path, out);
	(void)unlink(path);
	return (ok ? KORE_RESULT_OK : KORE_RESULT_ERROR);
}

/* The workbook's cell formats. */
static void
xlsx_formats(lxw_workbook *wb, struct xlsx_formats *f)
{
	f->bold = workbook_add_format(wb);
	f->header = workbook_add_format(wb);
	f->whole = workbook_add_format(wb);
	f->decimal = workbook_add_format(wb);
	format_set_bold(f->bold);
	format_set_bold(f->header);
	format_set_text_wrap(f->header);
	format_set_align(f->header, LXW_ALIGN_VERTICAL_TOP);
	format_set_bottom(f->header, LXW_BORDER_THIN);
	format_set_num_format(f->whole, "#,##0");
	format_set_num_format(f->decimal, "#,##0.0");
}

/* Counts and euros whole, other units (percentage, dagen, score) with one decimal. */
static lxw_format *
xlsx_unit_format(const struct xlsx_formats *f, json_t *eenheid)
{
	const char	*unit = json_string_value(eenheid);

	return (unit != NULL && (!strcmp(unit, "aantal") || !strcmp(unit, "euro")) ?
	    f->whole : f->decimal);
}

/*
 * The time an ISO 8601 UTC timestamp ("2025-12-01T10:15:00.123456Z", as
 * the report's vastgesteldOp) stands for, to the second.
 */
static int
xlsx_utc(const char *iso, time_t *out)
{
	struct tm	tm;

	memset(&tm, 0, sizeof(tm));
	/* six fields read: iso is at least "0-0-0T0:0:0" long */
	if (iso == NULL || sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	    &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6 || iso[strlen(iso) - 1] != 'Z')
		return (0);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	if ((*out = timegm(&tm)) == (time_t)-1)
		return (0);
	return (1);
}

/*
 * A data sheet: the headers in bold, then one row per element of rows, as
 * frozen: text as it is, counts and euros whole, other amounts with one
 * decimal (xlsx_unit_format), an absent or null field an empty cell.
 * The header row stays in view, filters, and heads every printed page;
 * footer names the report and the page.
 */
static void
xlsx_sheet(lxw_workbook *wb, const struct xlsx_formats *f, const char *name,
    const struct xlsx_col *cols, json_t *rows, const char *footer)
{
	lxw_worksheet	*ws = workbook_add_worksheet(wb, name);
	lxw_format	*fmt;
	json_t		*r, *v;
	size_t		 i;
	lxw_row_t	 row;
	lxw_col_t	 col;

	for (col = 0; cols[col].header != NULL; col++) {
		(void)worksheet_write_string(ws, 0, col, cols[col].header, f->header);
		(void)worksheet_set_column(ws, col, col, cols[col].width, NULL);
	}
	/* room for a header of three lines: spreadsheets do not all fit it on opening */
	(void)worksheet_set_row(ws, 0, 45, NULL);
	worksheet_freeze_panes(ws, 1, 0);
	(void)worksheet_autofilter(ws, 0, 0, (lxw_row_t)json_array_size(rows), col - 1);
	(void)worksheet_repeat_rows(ws, 0, 0);
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);	/* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	(void)worksheet_set_footer(ws, footer);
	json_array_foreach(rows, i, r) {
		row = (lxw_row_t)i + 1;
		for (col = 0; cols[col].header != NULL; col++) {
			v = json_object_get(r, cols[col].key);
			if (cols[col].sub != NULL)
				v = json_object_get(v, cols[col].sub);
			switch (cols[col].kind) {
			case XLSX_TEXT:
				if (json_is_string(v))
					(void)worksheet_write_string(ws, row, col, json_string_value(v), NULL);
				continue;
			case XLSX_AMOUNT:
				fmt = xlsx_unit_format(f, json_object_get(r, "eenheid"));
				break;
			case XLSX_DECIMAL:
				fmt = f->decimal;
				break;
			default:
				fmt = NULL;
				break;
			}
			if (json_is_number(v))
				(void)worksheet_write_number(ws, row, col, json_number_value(v), fmt);
		}
	}
}

/*
 * The report's period, establishment and hash, then what its figures mean
 * (first, for a report without figures, why it has none). The disclosure
 * threshold is the one the report records (reports established before it
 * did so: described without the number).
 */
static void
xlsx_explanation(lxw_workbook *wb, const struct xlsx_formats *f, json_t *report)
{
	static const char	*text[] = {
		"Status: voorlopig, nader_voorlopig of definitief, zoals het CBS dat doet. Voorlopige "
		    "cijfers kunnen later worden herzien; deze rapportage verandert dan niet.",
		"Bron: de herkomst van elk cijfer staat in de kolom Bron.",
		NULL,	/* disclosure control, with the report's threshold */
		"Alle cijfers zijn van gevalideerde landelijke indicatoren. Elk cijfer geldt voor het "
		    "gebied in de kolom Gebied: heel Nederland (NL), of de proeftuinen samen (PTS0) voor "
		    "de basismonitoring, die per proeftuin per kwartaal wordt geleverd; een halfjaar is dan "
		    "afgeleid uit de kwartalen (kolommen Kwartalen), onvolledig zonder waarde. Aantallen "
		    "met een bevolkingsgrondslag staan ook per 1.000 inwoners of minderjarigen.",
		"Transitiemonitor: de stand van het halfjaar per onderdeel (effecten in proeftuinen "
		    "tegenover de overige gemeenten, acties, mijlpalen, kennisopdrachten, spreiding en "
		    "begroting). Bij de effecten geldt dezelfde onthullingscontrole.",
		"De inhoud is vastgelegd met een SHA-256-hash; dezelfde rapportage is via de API "
		    "(/v1/voortgangsrapportages) altijd precies zo op te vragen, en dit Excel-bestand is "
		    "bij elke download hetzelfde bestand.",
	};
	lxw_worksheet	*ws = workbook_add_worksheet(wb, "Toelichting");
	lxw_format	*wrap = workbook_add_format(wb);
	json_t		*inhoud = json_object_get(report, "inhoud");
	json_t		*drempel = json_object_get(inhoud, "onthullingsdrempel");
	char		 disclosure[1024], fewer[48];
	size_t		 i;
	lxw_row_t	 row = 4;

	if (json_is_number(drempel))
		(void)snprintf(fewer, sizeof(fewer), "minder dan %g", json_number_value(drempel));
	else
		(void)kore_strlcpy(fewer, "te weinig", sizeof(fewer));
	(void)snprintf(disclosure, sizeof(disclosure), "Onthullingscontrole: aantallen zijn afgerond op "
	    "een veelvoud van 5; aantallen en verhoudingen op %s waarnemingen zijn niet vermeld (lege "
	    "cel, Geheimhouding \"geheim\"), zodat geen kleine groep herkenbaar is; ook andere "
	    "cijfers zijn soms geheim, waar ze met totalen een kleine cel zouden prijsgeven "
	    "(secundaire geheimhouding). Een lege cel zonder geheimhouding betekent dat er geen "
	    "cijfer was.", fewer);

	format_set_text_wrap(wrap);
	format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
	worksheet_set_paper(ws, 9);	/* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	(void)worksheet_set_column(ws, 0, 0, 22, NULL);
	(void)worksheet_set_column(ws, 1, 1, 100, wrap);
	(void)worksheet_write_string(ws, 0, 0, "Voortgangsrapportage", f->bold);
	(void)worksheet_write_string(ws, 0, 1, json_string_value(json_object_get(report, "periode")), NULL);
	(void)worksheet_write_string(ws, 1, 0, "Vastgesteld op", f->bold);
	(void)worksheet_write_string(ws, 1, 1, json_string_value(json_object_get(report, "vastgesteldOp")), NULL);
	(void)worksheet_write_string(ws, 2, 0, "Inhoud (SHA-256)", f->bold);
	(void)worksheet_write_string(ws, 2, 1, json_string_value(json_object_get(report, "inhoudHash")), NULL);
	if (json_array_size(json_object_get(inhoud, "cijfers")) == 0)
		(void)worksheet_write_string(ws, row++, 1, "Deze rapportage heeft geen cijfers: toen ze werd "
		    "vastgesteld, was geen landelijke indicator gevalideerd.", wrap);
	for (i = 0; i < sizeof(text) / sizeof(text[0]); i++)
		(void)worksheet_write_string(ws, row++, 1, text[i] != NULL ? text[i] : disclosure, wrap);
}

/* Reads the file at path into out. */
static int
xlsx_slurp(const char *path, struct api_buf *out)
{
	char	chunk[16384];
	ssize_t	n;
	int	fd, ok = 1;

	if ((fd = open(path, O_RDONLY)) == -1)
		return (0);
	while ((n = read(fd, chunk, sizeof(chunk))) > 0) {
		if (!api_buf_add(out, chunk, (size_t)n)) {
			ok = 0;
			break;
		}
	}
	if (n == -1)
		ok = 0;
	(void)close(fd);
	return (ok);
}
