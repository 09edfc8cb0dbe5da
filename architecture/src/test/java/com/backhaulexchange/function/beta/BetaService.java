package com.backhaulexchange.function.beta;

/** The other function of {@code AlphaHandler}'s violation. */
public class BetaService {
}
