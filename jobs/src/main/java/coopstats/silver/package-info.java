/**
 * Bronze to silver: the normalisers (country, amount and unit, currency, FX, sector, boolean,
 * month), the row parser driven by the silver schema files, and the job that writes {@code
 * silver.<kind>} and {@code silver.quarantine}.
 */
package coopstats.silver;
