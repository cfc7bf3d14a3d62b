import L from 'leaflet';

// leaflet.heat is a classic plugin that extends the global `L`; give it ours before it loads.
(globalThis as { L?: typeof L }).L = L;
