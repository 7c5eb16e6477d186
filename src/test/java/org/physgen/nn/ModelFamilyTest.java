package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ModelFamilyTest {

	@Test
	void parseTakesKeysAndAliasesInAnyCase() {
		assertEquals(ModelFamily.DSD, ModelFamily.parse(" DSD "));
		assertEquals(ModelFamily.PFGMPP, ModelFamily.parse("pfgmpp"));
		assertEquals(ModelFamily.PFGMPP, ModelFamily.parse("PFGM++"));
		assertEquals(ModelFamily.PFGMPP, ModelFamily.parse("pfgm"));
		assertEquals(ModelFamily.LDSM, ModelFamily.parse("local-DSM"));
		assertEquals(ModelFamily.YUKAWA, ModelFamily.parse("Yukawa"));
	}

	@Test
	void anUnknownNameIsRefusedWithEveryKey() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> ModelFamily.parse("gan"));
		assertEquals("model family must be 'dsd' or 'pfgmpp' or 'ldsm' or 'yukawa', got 'gan'", e.getMessage());
	}
}
