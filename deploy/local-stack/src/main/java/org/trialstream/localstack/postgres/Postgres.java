package org.trialstream.localstack.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server this machine kind runs on 127.0.0.1:5432 (trust authentication). Tests get a database of
 * their own so that event stores never meet.
 */
public final class Postgres {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    public Postgres(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public static Postgres local() {
        return new Postgres(System.getenv().getOrDefault("PGHOST", "127.0.0.1"),
                Integer.parseInt(System.getenv().getOrDefault("PGPORT", "5432")),
                System.getenv().getOrDefault("PGUSER", "postgres"),
                System.getenv().getOrDefault("PGPASSWORD", ""));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Fails with an actionable message when the server is not there. */
    public void check() {
        try (Connection ignored = connect("postgres")) {
            // reachable
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + host + ":" + port + " ("
                    + e.getMessage() + "). Start it with: pg_ctlcluster --skip-systemctl-redirect "
                    + "$(ls /etc/postgresql) main start", e);
        }
    }

    /** Drops and creates a database: a clean event store for one test run. */
    public String recreateDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
            return jdbcUrl(name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }
}
