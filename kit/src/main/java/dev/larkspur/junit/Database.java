package dev.larkspur.junit;

/** Where the embedded Larkspur keeps its data. */
public enum Database {
    /** An H2 file database in a temporary directory, deleted when the test run ends. */
    H2,
    /**
     * A fresh schema in a PostgreSQL database, dropped when the test run ends. The JDBC URL comes
     * from the system property or environment variable {@code LARKSPUR_TEST_POSTGRES_URL} (default
     * {@code jdbc:postgresql://127.0.0.1:5432/test}), the user and password from {@code
     * LARKSPUR_TEST_POSTGRES_USER} (default {@code postgres}) and {@code LARKSPUR_TEST_POSTGRES_PASSWORD}.
     */
    POSTGRESQL
}
