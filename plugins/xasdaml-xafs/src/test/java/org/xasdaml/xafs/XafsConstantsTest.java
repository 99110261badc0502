package org.xasdaml.xafs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class XafsConstantsTest {

    @Test
    void ktoeEqualsLarchWithScipyConstants() {
        // larch.xafs.xafsutils.KTOE printed by Debian's larch 0.9.58 / scipy 1.10.1
        assertEquals(3.8099821161548597, XafsConstants.KTOE, 1e-14);
        assertEquals(10.0, XafsConstants.ktoe(XafsConstants.etok(10.0)), 1e-12);
        assertEquals(Math.sqrt(100 / 3.8099821161548597), XafsConstants.etok(100), 1e-12);
    }
}
