package city.neotropolis.layeringfixture.web;

/** Fixture for the layering test: an HTTP-level error type. */
public final class Refusal extends RuntimeException {}
