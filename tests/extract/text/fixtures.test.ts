import { fixtureGoldenSuite } from "../common/fixture-goldens.js";

fixtureGoldenSuite("text");
