package org.physgen.nn;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Objects;

/**
 * A class loader that answers like its parent except that one resource name does not exist. Classes
 * are always the parent's (this loader defines none), so the classes DJL loads through it are the
 * same as without it.
 * <p>
 * PhysGen hides DJL's {@code native/lib/pytorch.properties} with it: that resource of the bundled CPU
 * jar matches every system, and while DJL sees it, DJL copies the CPU build and never downloads one.
 */
public final class ResourceHidingClassLoader extends ClassLoader {

	/** The resource by which a pytorch-native jar announces its build to DJL. */
	public static final String PYTORCH_NATIVE_PROPERTIES = "native/lib/pytorch.properties";

	private final String hidden;

	/**
	 * @param parent the loader that answers everything else
	 * @param hidden the resource name to hide, as passed to {@link ClassLoader#getResource}
	 */
	public ResourceHidingClassLoader(final ClassLoader parent, final String hidden) {
		super("hiding " + hidden, Objects.requireNonNull(parent, "parent"));
		this.hidden = hidden;
	}

	/** The hidden resource name. */
	public String hidden() {
		return hidden;
	}

	@Override
	public URL getResource(final String name) {
		return hidden.equals(name) ? null : getParent().getResource(name);
	}

	@Override
	public Enumeration<URL> getResources(final String name) throws IOException {
		return hidden.equals(name) ? Collections.emptyEnumeration() : getParent().getResources(name);
	}
}
