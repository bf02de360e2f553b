#!/usr/bin/env node
// A committed shim, so npm can link the command before the package is built.
import '../dist/bin.js';
