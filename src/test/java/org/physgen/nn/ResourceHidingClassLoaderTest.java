package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.engine.EngineProvider;
import ai.djl.pytorch.engine.PtEngineProvider;

class ResourceHidingClassLoaderTest {

	private static final String HIDDEN = ResourceHidingClassLoader.PYTORCH_NATIVE_PROPERTIES;

	@TempDir
	Path temp;

	private final ClassLoader parent = getClass().getClassLoader();
	private final ResourceHidingClassLoader hiding = new ResourceHidingClassLoader(parent, HIDDEN);

	private static List<URL> all(final ClassLoader loader, final String name) throws IOException {
		return Collections.list(loader.getResources(name));
	}

	@Test
	void theBundledCpuJarsPropertiesAreHiddenInEveryWayOfAsking() throws IOException {
		assertNotNull(parent.getResource(HIDDEN), "the bundled CPU jar is on the test classpath");
		assertNull(hiding.getResource(HIDDEN));
		assertTrue(all(hiding, HIDDEN).isEmpty());
		assertNull(hiding.getResourceAsStream(HIDDEN));
		assertEquals(0, hiding.resources(HIDDEN).count());
	}

	@Test
	void everyOtherResourceIsTheParentsIncludingThoseDjlNeedsToLoad() throws IOException {
		for (final String name : List.of("pytorch-engine.properties", "jnilib/pytorch.properties",
			"jnilib/linux-x86_64/cu128/" + System.mapLibraryName("djl_torch"),
			"META-INF/services/ai.djl.engine.EngineProvider", "org/physgen/nn/DjlRuntime.class"))
		{
			assertNotNull(parent.getResource(name), name);
			assertEquals(parent.getResource(name), hiding.getResource(name), name);
			assertEquals(all(parent, name), all(hiding, name), name);
		}
	}

	@Test
	void onlyTheExactNameIsHidden() throws IOException {
		final Path lib = Files.createDirectories(temp.resolve("native/lib"));
		for (final String file : List.of("pytorch.properties", "pytorch.properties.bak", "tensorflow.properties")) {
			Files.writeString(lib.resolve(file), file, StandardCharsets.UTF_8);
		}
		try (URLClassLoader folder = new URLClassLoader(new URL[] { temp.toUri().toURL() }, null)) {
			final ClassLoader loader = new ResourceHidingClassLoader(folder, HIDDEN);
			assertNotNull(folder.getResource(HIDDEN));
			assertNull(loader.getResource(HIDDEN));
			for (final String name : List.of("native/lib/pytorch.properties.bak", "native/lib/tensorflow.properties")) {
				try (InputStream in = loader.getResourceAsStream(name)) {
					assertNotNull(in, name);
					assertEquals(name.substring("native/lib/".length()), new String(in.readAllBytes(),
						StandardCharsets.UTF_8));
				}
			}
		}
	}

	@Test
	void classesAreThoseOfTheParentAndDjlFindsItsEngineThroughIt() throws ClassNotFoundException {
		assertSame(parent.loadClass("ai.djl.engine.Engine"), hiding.loadClass("ai.djl.engine.Engine"));
		assertSame(DjlRuntime.class, Class.forName(DjlRuntime.class.getName(), false, hiding));
		assertTrue(ServiceLoader.load(EngineProvider.class, hiding).stream().anyMatch(provider -> provider
			.type() == PtEngineProvider.class));
		assertFalse(hiding.getName().isEmpty());
	}
}
