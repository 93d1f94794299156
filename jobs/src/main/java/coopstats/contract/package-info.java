/**
 * The data contract read at run time from {@code schemas/}: table schemas, each gold table's SQL
 * beside its schema file, landing contracts and source profiles. Every table's columns are written
 * down once, in its schema file; the lineage columns silver tables share, once, in {@code
 * tables/lineage.yaml}, and their names in code in {@link coopstats.contract.Lineage}.
 */
package coopstats.contract;
