/**
 * Silver to gold: the yearly statistics. Each gold table is one SQL file in {@code sql/gold/},
 * named after the table, and one schema file in {@code schemas/tables/gold/}.
 */
package coopstats.gold;
