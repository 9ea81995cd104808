package org.jointcall.adapters.spi;

import org.jointcall.contracts.binding.CanonicalCodec;

/** The codec behind the SPI's default methods: built once, as building one compiles the schema. */
final class SpiCodec {

    static final CanonicalCodec CODEC = new CanonicalCodec();

    private SpiCodec() {
    }
}
