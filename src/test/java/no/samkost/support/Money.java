package no.samkost.support;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;

/**
 * Money in an answer is compared as {@code BigDecimal}, value and scale, never as float: RestAssured
 * reads JSON decimals as {@code Float} unless told otherwise, and a float cannot see one øre.
 */
public final class Money {

    private Money() {}

    /** For {@code given().config(Money.exact())}: the current config, decimals read as BigDecimal. */
    public static RestAssuredConfig exact() {
        return RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));
    }

    /** For {@code .extract().jsonPath().using(Money.exactPaths())}. */
    public static JsonPathConfig exactPaths() {
        return new JsonPathConfig(NumberReturnType.BIG_DECIMAL);
    }
}
