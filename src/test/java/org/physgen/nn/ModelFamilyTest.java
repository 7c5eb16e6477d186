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
	}

	@Test
	void anUnknownNameIsRefusedWithEveryKey() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> ModelFamily.parse("gan"));
		assertEquals("model family must be 'dsd' or 'pfgmpp' or 'ldsm', got 'gan'", e.getMessage());
	}
}
