package no.samkost.support;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The embedded database as the default run starts it: durable and supervised (see PostgresResource). */
public class DurableDatabaseProfile implements QuarkusTestProfile {}
