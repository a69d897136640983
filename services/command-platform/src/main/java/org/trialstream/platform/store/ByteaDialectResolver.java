package org.trialstream.platform.store;

import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/** Picks {@link ByteaPostgreSQLDialect} on PostgreSQL and leaves every other database to Hibernate. */
public class ByteaDialectResolver implements DialectResolver {

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        return "PostgreSQL".equals(info.getDatabaseName()) ? new ByteaPostgreSQLDialect(info) : null;
    }
}
