package city.neotropolis.neobank.web;

/** The one error shape of the whole API: {@code {"error": "human readable message"}}. */
public record ErrorBody(String error) {}
