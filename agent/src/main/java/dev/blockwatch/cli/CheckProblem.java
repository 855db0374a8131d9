package dev.blockwatch.cli;

/**
 * One reason a report fails {@code check}, about one site: a row of the table it prints.
 *
 * @param reason        {@code over --max-ms}, {@code new site} or {@code slower}
 * @param baselineP99Ms the site's p99 in the baseline, or null when there is none
 * @param why           the figures behind the reason, in words
 */
record CheckProblem(String reason, SiteCalls site, Double baselineP99Ms, String why) {
    static final String OVER_MAX = "over --max-ms";
    static final String NEW_SITE = "new site";
    static final String SLOWER = "slower";
}
