import { corridors } from '@rasd/shared';
import { createCameraRegistry, type CameraRegistry } from './cameras';
import { buildRoadNetwork, type RoadNetwork } from './network/road-network';

export interface RoadGeography {
  registry: CameraRegistry;
  network: RoadNetwork;
}

let built: RoadGeography | null = null;

/** The cameras and road network of the bundled corridors, built once per process (the data is static). */
export function roadGeography(): RoadGeography {
  if (!built) {
    const registry = createCameraRegistry(corridors.features);
    built = { registry, network: buildRoadNetwork(registry.lines) };
  }
  return built;
}
