package com.backhaulexchange.function.alpha;

import com.backhaulexchange.function.beta.BetaService;

/** Breaks the layering on purpose (one function calling another's code): the rules must catch it. */
public class AlphaHandler {
    final BetaService borrowed = new BetaService();
}
