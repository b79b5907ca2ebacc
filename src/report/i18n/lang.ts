/** The languages the report speaks: Italian by default (its readers are Italian), English on request. */
import { z } from "../../shared/zod.js";

export const Lang = z.enum(["it", "en"]);
export type Lang = z.infer<typeof Lang>;
