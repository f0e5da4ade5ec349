package io.boxoffice.loadtest.report;

import java.util.List;

/** A titled table of the report, rendered the same way in Markdown and HTML. */
record Table(String title, List<String> headers, List<List<String>> rows) {}
