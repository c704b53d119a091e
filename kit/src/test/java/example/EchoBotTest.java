package example;

import dev.larkspur.junit.LarkspurTest;

/** The echo bot on the kit's defaults: the default seed, on H2. */
@LarkspurTest
class EchoBotTest extends EchoBotContract {}
