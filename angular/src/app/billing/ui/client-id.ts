import { Signal, computed, inject } from '@angular/core';
import { ActivatedRoute } from '@angular/router';

/**
 * The client a tab is about: its `clientId` input when given, else the nearest `clientId` or `id` route parameter
 * (so the tab works on its own route and as a child of the client page without a wrapper).
 */
export function injectClientId(input: Signal<string | undefined>): Signal<string> {
  const route = inject(ActivatedRoute);
  let fromRoute = '';
  for (let r: ActivatedRoute | null = route; r && !fromRoute; r = r.parent) {
    fromRoute = r.snapshot.paramMap.get('clientId') ?? r.snapshot.paramMap.get('id') ?? '';
  }
  return computed(() => input() || fromRoute);
}
