package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AllowDownloadTest {

	@Test
	void offUnlessASettingSaysTrue() {
		assertEquals(AllowDownload.OFF, AllowDownload.select(null, null, false));
		assertEquals(AllowDownload.OFF, AllowDownload.select(" ", "", false), "blank values are unset");
		assertEquals(new AllowDownload(true, AllowDownload.OPTIONS), AllowDownload.select(null, null, true));
	}

	@Test
	void thePropertyWinsOverTheEnvironmentWhichWinsOverFijisCheckbox() {
		assertEquals(new AllowDownload(false, "-Dphysgen.allow_download"), AllowDownload.select("false", "true",
			true));
		assertEquals(new AllowDownload(true, "-Dphysgen.allow_download"), AllowDownload.select(" TRUE ", "false",
			false));
		assertEquals(new AllowDownload(false, "PHYSGEN_ALLOW_DOWNLOAD"), AllowDownload.select(null, "False", true));
		assertEquals(new AllowDownload(true, "PHYSGEN_ALLOW_DOWNLOAD"), AllowDownload.select("", "true", false));
	}

	@Test
	void aValueOtherThanTrueOrFalseIsRefusedNamingTheSettingAndTheValue() {
		assertEquals("-Dphysgen.allow_download must be true or false, got 'yes'", assertThrows(
			IllegalArgumentException.class, () -> AllowDownload.select("yes", "true", false)).getMessage());
		assertEquals("PHYSGEN_ALLOW_DOWNLOAD must be true or false, got '1'", assertThrows(
			IllegalArgumentException.class, () -> AllowDownload.select(null, "1", true)).getMessage());
	}
}
