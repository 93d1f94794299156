/**
 * Silver to gold: the yearly statistics. Each gold table is one schema file and, beside it, one SQL
 * file of the same name in {@code schemas/tables/gold/}.
 */
package coopstats.gold;
