package org.physgen.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.physgen.nn.ModelFamily;
import org.physgen.train.TrainingConfig;
import org.physgen.volume.upward.UpwardImport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/** The package layering of docs/ARCHITECTURE.md holds, and the check catches an upward import. */
class ArchitectureTest {

	private static JavaClasses main;

	@BeforeAll
	static void importMainClasses() {
		main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.physgen");
	}

	@Test
	void packagesDependOnlyDownward() {
		Layers.rule().check(main);
	}

	@Test
	void onlyTheFamiliesAndTheModelFileNameAFamily() {
		familyTests().check(main);
	}

	@Test
	void anUpwardImportIsAViolation() {
		final JavaClasses fixture = new ClassFileImporter().importClasses(UpwardImport.class,
			TrainingConfig.class);
		final EvaluationResult result = Layers.rule().evaluate(fixture);
		assertTrue(result.hasViolation(), "volume -> train must be refused");
		final String report = result.getFailureReport().toString();
		assertTrue(report.contains(UpwardImport.class.getName()) && report.contains(TrainingConfig.class
			.getName()), report);
	}

	/**
	 * Which family a model is, is the registry's and the family strategies' business: only they, the
	 * model file that names families, and the training configuration's named constructors use the
	 * family constants.
	 */
	private static ArchRule familyTests() {
		return noClasses().that().resideOutsideOfPackages("org.physgen.model.dsd..", "org.physgen.model.pfgm..",
			"org.physgen.model.ldsm..", "org.physgen.model.yukawa..", "org.physgen.nn..").and().doNotHaveFullyQualifiedName(TrainingConfig.class.getName())
			.should().accessField(ModelFamily.class, ModelFamily.DSD.name())
			.orShould().accessField(ModelFamily.class, ModelFamily.PFGMPP.name())
			.orShould().accessField(ModelFamily.class, ModelFamily.LDSM.name())
			.orShould().accessField(ModelFamily.class, ModelFamily.YUKAWA.name());
	}
}
