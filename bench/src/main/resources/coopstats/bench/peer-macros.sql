-- The pipeline's value normalisation (coopstats.silver: Amounts, Ints, Months, Booleans,
-- CountryResolver, Sectors, Currencies, FxRates) as DuckDB macros over the reference tables in
-- schema ref. Statements end with a semicolon at the end of a line. WS is the whitespace Java's
-- String.strip() removes, as a string, and WSCLASS the same as a regular expression class; the
-- peer fills them in before running this file.

-- A blank value is absent; others are stripped.
-- trim with a character list is slow, so it runs only on the few values that need it.
CREATE OR REPLACE MACRO strip_ws(x) AS
  CASE WHEN regexp_matches(x, '^[WSCLASS]|[WSCLASS]$') THEN trim(x, WS) ELSE x END;
CREATE OR REPLACE MACRO nz(x) AS nullif(strip_ws(x), '');

-- Whole numbers: thousands separators dropped; whole and in range is checked by the caller.
CREATE OR REPLACE MACRO int_val(x) AS TRY_CAST(replace(x, ',', '') AS DECIMAL(38, 10));

-- Amounts as people write them: a currency symbol before (or $ after), a number with thousands
-- separators or a decimal comma, and a unit word written beside it (12.5亿, 3 million).
CREATE OR REPLACE MACRO amt_clean(x) AS
  strip_ws(regexp_replace(replace(x, chr(160), ' '), '^(US\$|\$|¥|￥|€|£)|(US\$|\$)$', '', 'g'));
-- The number and the unit word; num is '' when the text is not an amount at all.
CREATE OR REPLACE MACRO amt_split(c) AS
  regexp_extract(c, '^([+-]?[0-9][0-9,.]*)\s*(\D*)$', ['num', 'unit']);
CREATE OR REPLACE MACRO num_norm(n) AS CASE
  WHEN regexp_full_match(n, '[+-]?[0-9]+(\.[0-9]+)?') THEN n
  WHEN regexp_full_match(n, '[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?') THEN replace(n, ',', '')
  WHEN regexp_full_match(n, '[+-]?[0-9]+,[0-9]{1,2}') THEN replace(n, ',', '.')
END;
-- Digits before the decimal point, leading zeros aside: more than a decimal(p,s) holds is range.
CREATE OR REPLACE MACRO int_digits(n) AS
  length(ltrim(split_part(ltrim(n, '+-'), '.', 1), '0'));

-- Unit words and their multipliers; 亿 = 10^8. Null for an unknown unit.
CREATE OR REPLACE MACRO unit_mult(u) AS CASE lower(u)
  WHEN '' THEN 1 WHEN '1' THEN 1
  WHEN '万' THEN 10000 WHEN '亿' THEN 100000000 WHEN '千' THEN 1000 WHEN '百万' THEN 1000000
  WHEN 'thousand' THEN 1000 WHEN 'k' THEN 1000
  WHEN 'million' THEN 1000000 WHEN 'millions' THEN 1000000 WHEN 'mn' THEN 1000000 WHEN 'm' THEN 1000000
  WHEN 'billion' THEN 1000000000 WHEN 'billions' THEN 1000000000 WHEN 'bn' THEN 1000000000
END;

-- amount × multiplier ÷ rate in cents, rounded half to even, in exact integer arithmetic: the
-- amount as an integer of 10^-10, the rate (units per USD, at most 6 decimals) of 10^-6.
CREATE OR REPLACE MACRO div_half_even(n, d) AS
  n // d + CASE
    WHEN 2 * abs(n % d) > abs(d) OR (2 * abs(n % d) = abs(d) AND (n // d) % 2 <> 0)
    THEN sign(n) * sign(d) ELSE 0 END;
CREATE OR REPLACE MACRO usd_cents(num, mult, rate) AS div_half_even(
  CAST(split_part(num, '.', 1) || rpad(split_part(num, '.', 2), 10, '0') AS HUGEINT) * mult,
  CAST(rate * 1000000 AS HUGEINT) * 100);
CREATE OR REPLACE MACRO cents_to_decimal(c) AS
  CAST(CAST(c AS DECIMAL(36, 0)) * CAST(0.01 AS DECIMAL(2, 2)) AS DECIMAL(22, 2));

-- Booleans in their usual spellings; null for anything else.
CREATE OR REPLACE MACRO bool_val(x) AS CASE lower(x)
  WHEN 'true' THEN true WHEN 't' THEN true WHEN 'yes' THEN true WHEN 'y' THEN true
  WHEN '1' THEN true WHEN '是' THEN true WHEN '真' THEN true
  WHEN 'false' THEN false WHEN 'f' THEN false WHEN 'no' THEN false WHEN 'n' THEN false
  WHEN '0' THEN false WHEN '否' THEN false WHEN '假' THEN false
END;

-- Months by name (ref.month_name: the JDK's English and Chinese names, joined by the month key)
-- or by number, 3月 too.
CREATE OR REPLACE MACRO month_key(x) AS
  CASE WHEN suffix(lower(x), '.') THEN left(lower(x), length(x) - 1) ELSE lower(x) END;
CREATE OR REPLACE MACRO month_digits(k) AS
  CASE WHEN regexp_full_match(k, '[0-9]{1,2}月?')
        AND CAST(regexp_extract(k, '[0-9]+') AS INTEGER) BETWEEN 1 AND 12
       THEN CAST(regexp_extract(k, '[0-9]+') AS INTEGER) END;

-- Countries: ISO alpha-2/alpha-3 codes, else the name key (accents, case, punctuation and
-- spacing do not matter) against the JDK's names and the alias table: the silver SQL joins
-- ref.country_code and ref.country_key (peer-ref.sql).
CREATE OR REPLACE MACRO name_key(x) AS
  regexp_replace(replace(lower(strip_accents(x)), '&', 'and'), '[^\p{L}\p{N}]+', '', 'g');
-- Sectors: code or name, case and spacing aside; null when unknown.
CREATE OR REPLACE MACRO sector_key(x) AS regexp_replace(lower(strip_ws(x)), '\s+', ' ', 'g');


