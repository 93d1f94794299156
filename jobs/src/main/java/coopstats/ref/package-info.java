/**
 * Reference data: countries and aliases, country groups with validity dates, sectors, FX rates and
 * the programme catalogue, loaded from the CSV files in {@code schemas/ref/} into {@code ref.*}.
 */
package coopstats.ref;
