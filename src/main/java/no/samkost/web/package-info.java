/**
 * The web front end under {@code /app}: server-rendered Qute pages in Norwegian (bokmål) for
 * coordinators, viewers, auditors and the cooperation's project group. Pages call the same services
 * as the API and compute no figure of their own; a chart is drawn in the browser from the table
 * beside it.
 */
package no.samkost.web;
