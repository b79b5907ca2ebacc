/** The languages the report speaks: Italian by default (its readers are Italian), English on request. */
import { z } from "zod";

export const Lang = z.enum(["it", "en"]);
export type Lang = z.infer<typeof Lang>;
