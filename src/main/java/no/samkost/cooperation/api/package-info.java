/** The cooperation API's request and response records, each named for what it is. */
package no.samkost.cooperation.api;
