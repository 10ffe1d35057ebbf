/**
 * The {@code ushs} command: {@code tail}, {@code publish} and {@code token}, built on the Java SDK
 * as {@code cli/target/ushs-cli.jar}.
 */
package org.ushs.cli;
