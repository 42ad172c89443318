package org.careloop.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNameTest {

    @Test
    void bidiControlsAndOtherInvisibleCharactersAreStripped() {
        // Shown as "invoiceexe.png" while it is an .exe.
        assertThat(FileName.safe("invoice\u202Egnp.exe")).isEqualTo("invoicegnp.exe");
        assertThat(FileName.safe("a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i\u200Ej\u200Fk\u061Cl.png")).isEqualTo("abcdefghijkl.png");
        assertThat(FileName.safe("in\u200Bvoi\u200Cce\u200D\u2060\uFEFF\u00AD.pdf")).isEqualTo("invoice.pdf");
        assertThat(FileName.safe("scan\u3164\u115F\uFE0F\u034F\uDB40\uDC41.png")).as("fillers, selectors, tags").isEqualTo("scan.png");
        assertThat(FileName.safe("photo\uD800.png")).as("a lone surrogate").isEqualTo("photo.png");
        assertThat(FileName.safe("line\nbreak\u2028and\u2029tab\t.png")).isEqualTo("linebreakandtab.png");
        // Spaces that would push the real extension out of sight are one plain space.
        assertThat(FileName.safe("receipt.png\u00A0\u2003   \u3000.exe")).isEqualTo("receipt.png .exe");
    }

    @Test
    void aNameIsOnlyALabel() {
        assertThat(FileName.safe("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileName.safe("C:\\Users\\jana\\bag \"tag\".png")).isEqualTo("bag tag.png");
        assertThat(FileName.safe("\u202E\u200B ")).isEqualTo("file");
        assertThat(FileName.safe(null)).isEqualTo("file");
        String longName = "😀".repeat(200) + ".png";
        assertThat(FileName.safe(longName)).endsWith(".png").hasSize(2 * (FileName.MAX - 4) + 4);
        // Letters of every script and emoji are what people name files with: kept.
        assertThat(FileName.safe("счёт 📎 فاتورة.pdf")).isEqualTo("счёт 📎 فاتورة.pdf");
        assertThat(FileName.safe(FileName.safe("  a \u202E b  "))).isEqualTo(FileName.safe("  a \u202E b  ")).isEqualTo("a b");
    }
}
