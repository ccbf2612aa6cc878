#!/usr/bin/env node
/** terraform-provider-iredadmin: what Terraform launches. Everything else goes through serve(). */
import { providerHandlers } from './framework';
import { iredadminProvider } from './iredadmin/provider';
import { serve } from './protocol';

void serve(providerHandlers(iredadminProvider), { name: 'terraform-provider-iredadmin' });
