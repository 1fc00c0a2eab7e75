package no.samkost.web;

import java.util.List;
import java.util.stream.IntStream;
import no.samkost.common.ProblemException;

/**
 * Cost years in a page's query or form ({@code ?aar=2023}): none chosen is the page's default; a
 * value that is not a year from 2000 to 2100 is refused (400), never quietly replaced by another
 * year: a form that signs or reopens a claim must act on the year it was sent or not at all.
 */
final class Years {

    static final int FIRST = 2000;
    static final int LAST = 2100;

    private Years() {}

    static int parse(String text, int fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        if (!text.matches("\\d{4}") || Integer.parseInt(text) < FIRST || Integer.parseInt(text) > LAST) {
            throw ProblemException.invalidField("aar", "a cost year from " + FIRST + " to " + LAST);
        }
        return Integer.parseInt(text);
    }

    /** The year a form acts on: it must be sent. */
    static int required(String text) {
        if (text == null || text.isEmpty()) {
            throw ProblemException.invalidField("aar", "a cost year from " + FIRST + " to " + LAST);
        }
        return parse(text, FIRST);
    }

    /** The years a year selector offers: from 2004 (the grant's first year) to this year, and the chosen one. */
    static List<Integer> around(int thisYear, int chosen) {
        return around(2004, thisYear, chosen);
    }

    /** The same from {@code first} (a claim's pages: the first cost year the rule book answers). */
    static List<Integer> around(int first, int thisYear, int chosen) {
        return IntStream.rangeClosed(Math.min(first, chosen), Math.max(thisYear, chosen))
                .boxed()
                .sorted((a, b) -> b - a)
                .toList();
    }
}
