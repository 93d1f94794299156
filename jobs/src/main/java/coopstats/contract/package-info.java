/**
 * The data contract read at run time from {@code schemas/}: table schemas, landing contracts and
 * source profiles. Every table's columns are written down once, in its schema file.
 */
package coopstats.contract;
