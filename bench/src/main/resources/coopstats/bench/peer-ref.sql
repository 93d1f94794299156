-- Lookup tables derived in SQL from the reference tables the peer loaded (ref.country,
-- ref.country_alias, ref.country_jdk_name, ref.sector), with the pipeline's precedence: a country
-- name first given wins over a later one, an alias over any name (the last alias of a name wins),
-- and a sector's code over its name, in file order.
CREATE OR REPLACE TABLE ref.country_code AS
  SELECT upper(iso2) AS code, any_value(iso3) AS iso3 FROM ref.country GROUP BY 1
  UNION ALL
  SELECT upper(iso3), any_value(iso3) FROM ref.country GROUP BY 1;
CREATE OR REPLACE TABLE ref.country_key AS
  WITH names AS (
    SELECT name_key(name) AS key, iso3, ord FROM ref.country_jdk_name WHERE trim(name, WS) <> ''
    UNION ALL
    SELECT name_key(alias), iso3, -1 - ord FROM ref.country_alias
  )
  SELECT key, arg_min(iso3, ord) AS iso3 FROM names GROUP BY key;
CREATE OR REPLACE TABLE ref.sector_key AS
  WITH keys AS (
    SELECT sector_key(code) AS key, is_tech, 2 * ord AS ord FROM ref.sector
    UNION ALL
    SELECT sector_key(name), is_tech, 2 * ord + 1 FROM ref.sector
  )
  SELECT key, arg_min(is_tech, ord) AS is_tech FROM keys GROUP BY key;

