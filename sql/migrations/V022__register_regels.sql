-- V022: what each rule of a register and of the indicator catalogue asks,
-- in Dutch, for the API's answer.
--
-- Purpose: a register or catalogue write that breaks a rule of its table
-- is answered with the fields concerned and what the rule asks (R__07,
-- api.register_schending). A list of allowed values says itself; these
-- rules (ranges, formats, relations between fields) are described here, as
-- comments on the constraints. Comments only: no rule changes.
-- Reversible: COMMENT ON CONSTRAINT … IS NULL.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

COMMENT ON CONSTRAINT projecten_code_format ON register.projecten IS 'een code als AL1-P1 of KLI-P2';
COMMENT ON CONSTRAINT projecten_code_in_actielijn ON register.projecten IS 'de code begint met de code van de actielijn';
COMMENT ON CONSTRAINT producten_delivered_has_date ON register.producten IS 'een opgeleverd product heeft een opleverdatum';
COMMENT ON CONSTRAINT mijlpalen_realised_has_date ON register.mijlpalen IS 'een gerealiseerde mijlpaal heeft een realisatiedatum, een andere niet';
COMMENT ON CONSTRAINT acties_dates_ordered ON register.acties IS 'de einddatum ligt niet voor de startdatum';
COMMENT ON CONSTRAINT rvt_varianten_code_format ON register.rvt_varianten IS 'een code als V1 of V2a';
COMMENT ON CONSTRAINT kennisopdrachten_horizon_range ON register.kennisopdrachten IS 'horizon 1, 2 of 3';
COMMENT ON CONSTRAINT begrotingsregels_jaar_range ON register.begrotingsregels IS 'een jaar van 2021 tot en met 2035';
COMMENT ON CONSTRAINT begrotingsregels_begroot_not_negative ON register.begrotingsregels IS 'een bedrag van 0 of meer';
COMMENT ON CONSTRAINT begrotingsregels_realisatie_not_negative ON register.begrotingsregels IS 'een bedrag van 0 of meer';
COMMENT ON CONSTRAINT definities_versie_positive ON doelgroep.definities IS 'een versienummer van 1 of hoger';
COMMENT ON CONSTRAINT schattingen_bounds_around_value ON doelgroep.schattingen IS 'ondergrens (0 of meer) ≤ waarde ≤ bovengrens';
COMMENT ON CONSTRAINT schattingen_leeftijd_format ON doelgroep.schattingen IS 'een leeftijdsklasse als 0-17 of 65-';
COMMENT ON CONSTRAINT schattingen_waarde_not_negative ON doelgroep.schattingen IS 'een aantal van 0 of meer';
COMMENT ON CONSTRAINT basisbouwstenen_bron_not_blank ON register.basisbouwstenen IS 'niet leeg';
COMMENT ON CONSTRAINT basisbouwstenen_gemeente ON register.basisbouwstenen IS 'een gemeentecode (GMnnnn)';
COMMENT ON CONSTRAINT basisbouwstenen_in_programme ON register.basisbouwstenen IS 'op of na 1 januari 2021, het begin van het programma';
COMMENT ON CONSTRAINT basisbouwstenen_valid_period ON register.basisbouwstenen IS 'geldigTot ligt na geldigVan';
COMMENT ON CONSTRAINT basisbouwstenen_no_overlap ON register.basisbouwstenen IS 'de gemeente werkt in (een deel van) die periode al aan de basisbouwstenen';
COMMENT ON CONSTRAINT indicatoren_naam_not_blank ON monitoring.indicatoren IS 'niet leeg';
COMMENT ON CONSTRAINT indicatoren_definitie_not_blank ON monitoring.indicatoren IS 'niet leeg';
COMMENT ON CONSTRAINT indicatoren_code_format ON monitoring.indicatoren IS 'hoofdletters, cijfers en _, 2 tot 40 tekens, beginnend met een letter';
COMMENT ON CONSTRAINT indicatoren_sum_is_count ON monitoring.indicatoren IS 'optellen (som) kan alleen bij een aantal of een bedrag in euro';
COMMENT ON CONSTRAINT indicatoren_ratio_is_percentage ON monitoring.indicatoren IS 'een ratio (teller en noemer) is een percentage, een aantal dagen, een score of een bedrag in euro';
