/**
 * SciJava commands (menus, macros, {@code --run}) and {@link org.physgen.fiji.PhysGenService} for
 * scripts. Commands only convert parameters (files, strings, ImagePlus) into calls of the layers
 * below, where every rule lives; they may use everything but {@code cli}.
 */
package org.physgen.fiji;
