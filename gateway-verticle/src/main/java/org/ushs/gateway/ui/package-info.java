/** The optional live page and browser client served by the gateway ({@code USHS_UI}). */
package org.ushs.gateway.ui;
