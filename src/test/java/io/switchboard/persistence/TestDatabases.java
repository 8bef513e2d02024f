package io.switchboard.persistence;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/** H2 data sources without a pool: each connection is a new session of the same database. */
final class TestDatabases {
    private TestDatabases() {
    }

    static DataSource h2(String url) {
        var dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return dataSource;
    }
}
