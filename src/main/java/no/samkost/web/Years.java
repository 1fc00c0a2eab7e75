package no.samkost.web;

import java.util.List;
import java.util.stream.IntStream;

/** Cost years in a page's query ({@code ?aar=2023}): a year from 2000 to 2100, else the default. */
final class Years {

    static final int FIRST = 2000;
    static final int LAST = 2100;

    private Years() {}

    static int parse(String text, int fallback) {
        if (text == null || !text.matches("\\d{4}")) {
            return fallback;
        }
        int year = Integer.parseInt(text);
        return year < FIRST || year > LAST ? fallback : year;
    }

    /** The years a year selector offers: from 2004 (the grant's first year) to this year, and the chosen one. */
    static List<Integer> around(int thisYear, int chosen) {
        return IntStream.rangeClosed(Math.min(2004, chosen), Math.max(thisYear, chosen))
                .boxed()
                .sorted((a, b) -> b - a)
                .toList();
    }
}
