package io.boxoffice.shared.jdbc;

import java.util.List;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.RowMapper;

/**
 * Bulk writes as one statement: each column travels as one PostgreSQL array and the statement reads
 * them back with {@code unnest(?::uuid[], ?::text[], ...)}. Tens of thousands of rows go in one
 * round trip, which is what lets a 50,000-seat event publish in about a second.
 */
public final class Unnest {

  /** One parameter array, with the PostgreSQL element type name ({@code uuid}, {@code int4}...). */
  public record Column(String type, Object[] values) {}

  private Unnest() {}

  public static Column column(String type, List<?> values) {
    return new Column(type, values.toArray());
  }

  /**
   * Runs {@code sql}, binding each column in order as an array parameter; returns the row count.
   */
  public static int update(JdbcOperations jdbc, String sql, Column... columns) {
    return jdbc.update(statement(sql, columns));
  }

  /** As {@link #update}, for a statement that returns rows ({@code insert ... returning}). */
  public static <T> List<T> query(
      JdbcOperations jdbc, String sql, RowMapper<T> rows, Column... columns) {
    return jdbc.query(statement(sql, columns), rows);
  }

  private static PreparedStatementCreator statement(String sql, Column... columns) {
    return connection -> {
      var statement = connection.prepareStatement(sql);
      for (int i = 0; i < columns.length; i++) {
        statement.setArray(i + 1, connection.createArrayOf(columns[i].type(), columns[i].values()));
      }
      return statement;
    };
  }
}
