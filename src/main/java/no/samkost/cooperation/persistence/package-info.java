/**
 * Every statement of the cooperation module, one class per table family. Each method is one named
 * query or write that takes the member whose rows it reads or writes explicitly and runs there
 * through {@link no.samkost.tenancy.MemberDatabaseAccess} (row-level security bound to that member
 * alone). What crosses into another member's rows is here and nowhere else: the architecture test
 * keeps {@code MemberDatabaseAccess} and JDBC out of the rest of the module. Results are rows
 * (records), never recipient refs except for a placement's host and home.
 */
package no.samkost.cooperation.persistence;
