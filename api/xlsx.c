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
 * "Toelichting" on period, establishment, hash, status, sources and
 * disclosure control (with the threshold the report was established
 * under, when it records one).
 * libxlsxwriter 1.1.4 writes to a file, so the workbook goes through a
 * temporary file in LAKMOES_TMPDIR (default /tmp), read back and removed.
 */

#include <sys/stat.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "lakmoes.h"

/* The workbook's cell formats, made once. */
struct xlsx_formats {
	lxw_format	*bold;
	lxw_format	*whole;
	lxw_format	*decimal;
};

static void	xlsx_figures(lxw_workbook *, const struct xlsx_formats *, json_t *);
static void	xlsx_transition(lxw_workbook *, const struct xlsx_formats *, json_t *);
static void	xlsx_explanation(lxw_workbook *, const struct xlsx_formats *, json_t *);
static lxw_format	*xlsx_unit_format(const struct xlsx_formats *, json_t *);
static void	xlsx_number(lxw_worksheet *, int, int, json_t *, lxw_format *);
static int	xlsx_slurp(const char *, struct api_buf *);

static const char *xlsx_headers[] = {
	"Indicator", "Naam", "Eenheid", "Waarde", "Status", "Bron",
	"Vorige periode", "Waarde vorige periode", "Jaar eerder", "Waarde jaar eerder",
	"Verschil t.o.v. vorige periode", "Verschil t.o.v. jaar eerder",
	"Verschil t.o.v. jaar eerder (%)", "Geheimhouding", NULL
};

/* The transition monitor's columns: header, key and kind. */
#define XLSX_TEXT	0
#define XLSX_NUMBER	1	/* a plain number (a result, a horizon) */
#define XLSX_AMOUNT	2	/* a number in the row's eenheid */

static const struct {
	const char	*header;
	const char	*key;
	int		 kind;
} xlsx_transition_cols[] = {
	{ "Onderdeel", "onderdeel", XLSX_TEXT },
	{ "Indicator", "indicator", XLSX_TEXT },
	{ "Gewenst resultaat", "resultaat", XLSX_NUMBER },
	{ "Niveau", "niveau", XLSX_TEXT },
	{ "Horizon", "horizon", XLSX_NUMBER },
	{ "Begrotingspost", "post", XLSX_TEXT },
	{ "Groep", "groep", XLSX_TEXT },
	{ "Maat", "maat", XLSX_TEXT },
	{ "Eenheid", "eenheid", XLSX_TEXT },
	{ "Waarde", "waarde", XLSX_AMOUNT },
	{ "Geheimhouding", "geheimhouding", XLSX_TEXT },
	{ NULL, NULL, XLSX_TEXT }
};

/* Builds the workbook for report (the stored JSON) into out. */
int
xlsx_report(json_t *report, struct api_buf *out)
{
	lxw_workbook_options	 opt;
	lxw_workbook		*wb;
	struct xlsx_formats	 f;
	const char		*tmpdir = getenv("LAKMOES_TMPDIR");
	char			 path[256];
	int			 fd, n, ok;

	if (tmpdir == NULL || *tmpdir == '\0')
		tmpdir = "/tmp";
	/* mkstemp()'s template: the name ends in six 'X' that it replaces. */
	n = snprintf(path, sizeof(path) - 7, "%s/lakmoes-xlsx-", tmpdir);
	if (n < 0 || (size_t)n >= sizeof(path) - 7)
		return (KORE_RESULT_ERROR);
	memset(path + n, 'X', 6);
	path[n + 6] = '\0';
	if ((fd = mkstemp(path)) == -1)
		return (KORE_RESULT_ERROR);
	(void)close(fd);
	memset(&opt, 0, sizeof(opt));
	opt.tmpdir = (char *)tmpdir;
	if ((wb = workbook_new_opt(path, &opt)) == NULL) {
		(void)unlink(path);
		return (KORE_RESULT_ERROR);
	}
	f.bold = workbook_add_format(wb);
	f.whole = workbook_add_format(wb);
	f.decimal = workbook_add_format(wb);
	format_set_bold(f.bold);
	format_set_num_format(f.whole, "#,##0");
	format_set_num_format(f.decimal, "#,##0.0");
	xlsx_figures(wb, &f, report);
	xlsx_transition(wb, &f, report);
	xlsx_explanation(wb, &f, report);
	ok = workbook_close(wb) == LXW_NO_ERROR && xlsx_slurp(path, out);
	(void)unlink(path);
	return (ok ? KORE_RESULT_OK : KORE_RESULT_ERROR);
}

/* Counts and euros whole, other units (percentage, dagen, score) with one decimal. */
static lxw_format *
xlsx_unit_format(const struct xlsx_formats *f, json_t *eenheid)
{
	const char	*unit = json_string_value(eenheid);

	return (unit != NULL && (!strcmp(unit, "aantal") || !strcmp(unit, "euro")) ?
	    f->whole : f->decimal);
}

static void
xlsx_number(lxw_worksheet *ws, int row, int col, json_t *v, lxw_format *fmt)
{
	if (json_is_number(v))
		(void)worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col,
		    json_number_value(v), fmt);
	else
		(void)worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col, NULL);
}

static void
xlsx_figures(lxw_workbook *wb, const struct xlsx_formats *f, json_t *report)
{
	lxw_worksheet	*ws = workbook_add_worksheet(wb, "Cijfers");
	lxw_format	*fmt;
	json_t		*c, *cijfers = json_object_get(json_object_get(report, "inhoud"), "cijfers");
	size_t		 i;
	int		 col, row;

	for (col = 0; xlsx_headers[col] != NULL; col++)
		(void)worksheet_write_string(ws, 0, (lxw_col_t)col, xlsx_headers[col], f->bold);
	(void)worksheet_set_column(ws, 0, 0, 28, NULL);
	(void)worksheet_set_column(ws, 1, 1, 50, NULL);
	(void)worksheet_set_column(ws, 2, 13, 16, NULL);
	json_array_foreach(cijfers, i, c) {
		row = (int)i + 1;
		fmt = xlsx_unit_format(f, json_object_get(c, "eenheid"));
		(void)worksheet_write_string(ws, (lxw_row_t)row, 0,
		    json_string_value(json_object_get(c, "indicator")), NULL);
		(void)worksheet_write_string(ws, (lxw_row_t)row, 1,
		    json_string_value(json_object_get(c, "naam")), NULL);
		(void)worksheet_write_string(ws, (lxw_row_t)row, 2,
		    json_string_value(json_object_get(c, "eenheid")), NULL);
		xlsx_number(ws, row, 3, json_object_get(c, "waarde"), fmt);
		(void)worksheet_write_string(ws, (lxw_row_t)row, 4,
		    json_string_value(json_object_get(c, "status")), NULL);
		(void)worksheet_write_string(ws, (lxw_row_t)row, 5,
		    json_string_value(json_object_get(c, "bron")), NULL);
		(void)worksheet_write_string(ws, (lxw_row_t)row, 6, json_string_value(
		    json_object_get(json_object_get(c, "vorigePeriode"), "periode")), NULL);
		xlsx_number(ws, row, 7, json_object_get(json_object_get(c, "vorigePeriode"), "waarde"), fmt);
		(void)worksheet_write_string(ws, (lxw_row_t)row, 8, json_string_value(
		    json_object_get(json_object_get(c, "jaarEerder"), "periode")), NULL);
		xlsx_number(ws, row, 9, json_object_get(json_object_get(c, "jaarEerder"), "waarde"), fmt);
		xlsx_number(ws, row, 10, json_object_get(c, "verschilVorigePeriode"), fmt);
		xlsx_number(ws, row, 11, json_object_get(c, "verschilJaarEerder"), fmt);
		xlsx_number(ws, row, 12, json_object_get(c, "verschilJaarEerderProcent"), f->decimal);
		if (json_is_string(json_object_get(c, "geheimhouding")))
			(void)worksheet_write_string(ws, (lxw_row_t)row, 13,
			    json_string_value(json_object_get(c, "geheimhouding")), NULL);
	}
}

/*
 * One row per entry of the report's transition monitor, as frozen: counts
 * and euros whole, other values with one decimal, an absent field a blank.
 */
static void
xlsx_transition(lxw_workbook *wb, const struct xlsx_formats *f, json_t *report)
{
	lxw_worksheet	*ws = workbook_add_worksheet(wb, "Transitiemonitor");
	json_t		*t, *v, *rows = json_object_get(json_object_get(report, "inhoud"), "transitiemonitor");
	size_t		 i;
	int		 col, kind;

	for (col = 0; xlsx_transition_cols[col].header != NULL; col++)
		(void)worksheet_write_string(ws, 0, (lxw_col_t)col, xlsx_transition_cols[col].header, f->bold);
	(void)worksheet_set_column(ws, 0, (lxw_col_t)col - 1, 18, NULL);
	json_array_foreach(rows, i, t) {
		for (col = 0; xlsx_transition_cols[col].header != NULL; col++) {
			v = json_object_get(t, xlsx_transition_cols[col].key);
			kind = xlsx_transition_cols[col].kind;
			if (kind != XLSX_TEXT)
				xlsx_number(ws, (int)i + 1, col, v, kind == XLSX_AMOUNT ?
				    xlsx_unit_format(f, json_object_get(t, "eenheid")) : NULL);
			else if (json_is_string(v))
				(void)worksheet_write_string(ws, (lxw_row_t)i + 1, (lxw_col_t)col,
				    json_string_value(v), NULL);
		}
	}
}

/*
 * The report's period, establishment and hash, then what its figures mean.
 * The disclosure threshold is the one the report records (reports
 * established before it did so: described without the number).
 */
static void
xlsx_explanation(lxw_workbook *wb, const struct xlsx_formats *f, json_t *report)
{
	static const char	*text[] = {
		"Status: voorlopig, nader_voorlopig of definitief, zoals het CBS dat doet. Voorlopige "
		    "cijfers kunnen later worden herzien; deze rapportage verandert dan niet.",
		"Bron: de herkomst van elk cijfer staat in de kolom Bron.",
		NULL,	/* disclosure control, with the report's threshold */
		"Alle cijfers gelden voor heel Nederland (NL) en zijn gevalideerde landelijke indicatoren.",
		"Transitiemonitor: de stand van het halfjaar per onderdeel (effecten in proeftuinen "
		    "tegenover de overige gemeenten, acties, mijlpalen, kennisopdrachten, spreiding en "
		    "begroting). Bij de effecten geldt dezelfde onthullingscontrole.",
		"De inhoud is vastgelegd met een SHA-256-hash; dezelfde rapportage is via de API "
		    "(/v1/voortgangsrapportages) altijd precies zo op te vragen.",
	};
	lxw_worksheet	*ws = workbook_add_worksheet(wb, "Toelichting");
	lxw_format	*wrap = workbook_add_format(wb);
	json_t		*inhoud = json_object_get(report, "inhoud");
	json_t		*drempel = json_object_get(inhoud, "onthullingsdrempel");
	char		 disclosure[512], fewer[48];
	size_t		 i;

	if (json_is_number(drempel))
		(void)snprintf(fewer, sizeof(fewer), "minder dan %g", json_number_value(drempel));
	else
		(void)kore_strlcpy(fewer, "te weinig", sizeof(fewer));
	(void)snprintf(disclosure, sizeof(disclosure), "Onthullingscontrole: aantallen zijn afgerond op "
	    "een veelvoud van 5; aantallen en verhoudingen op %s waarnemingen zijn niet vermeld (lege "
	    "cel, Geheimhouding \"geheim\"), zodat geen kleine groep herkenbaar is. Een lege cel "
	    "zonder geheimhouding betekent dat er geen cijfer was.", fewer);

	format_set_text_wrap(wrap);
	(void)worksheet_set_column(ws, 0, 0, 22, NULL);
	(void)worksheet_set_column(ws, 1, 1, 100, wrap);
	(void)worksheet_write_string(ws, 0, 0, "Voortgangsrapportage", f->bold);
	(void)worksheet_write_string(ws, 0, 1, json_string_value(json_object_get(report, "periode")), NULL);
	(void)worksheet_write_string(ws, 1, 0, "Vastgesteld op", f->bold);
	(void)worksheet_write_string(ws, 1, 1, json_string_value(json_object_get(report, "vastgesteldOp")), NULL);
	(void)worksheet_write_string(ws, 2, 0, "Inhoud (SHA-256)", f->bold);
	(void)worksheet_write_string(ws, 2, 1, json_string_value(json_object_get(report, "inhoudHash")), NULL);
	for (i = 0; i < sizeof(text) / sizeof(text[0]); i++)
		(void)worksheet_write_string(ws, (lxw_row_t)(4 + i), 1,
		    text[i] != NULL ? text[i] : disclosure, wrap);
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
