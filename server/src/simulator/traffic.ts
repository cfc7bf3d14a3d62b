import type { AlertKind, Detection, VehicleClass } from '@rasd/shared';
import type { Camera } from '../domain/cameras';
import { headingAt, type CorridorLine } from '../domain/geo/corridor-line';
import { randomPlate } from './plates';

interface WrongWayVehicle {
  plate: string;
  vehicleClass: VehicleClass;
  corridor: CorridorLine;
  carriageway: Camera['carriageway'];
  /** Travel direction along the corridor's km: against the carriageway's lawful direction. */
  direction: 1 | -1;
  km: number;
  speedKmh: number;
  /** Where it leaves the corridor (an exit), km. */
  exitKm: number;
}

/** A wrong-way driver placed on purpose (the e2e test and scripted demos); unset fields are random. */
export interface WrongWaySpawn {
  cameraId?: string;
  speedKmh?: number;
  exitAfterKm?: number;
}

export interface TrafficOptions {
  random: () => number;
  /** Mean seconds between new wrong-way drivers. */
  wrongWayEverySec: number;
  /** Mean seconds between other (reckless, speeding …) detections. */
  otherEverySec: number;
}

const classes: VehicleClass[] = ['car', 'car', 'car', 'microbus', 'truck', 'motorcycle', 'tuktuk', 'bus'];
const otherKinds: AlertKind[] = ['reckless', 'reckless', 'speeding', 'speeding', 'racing', 'stopped_vehicle'];

/**
 * Simulated traffic seen by the cameras: wrong-way drivers detected by successive cameras of one
 * carriageway against its lawful direction, and occasional reckless or speeding drivers.
 */
export function createTraffic(lines: readonly CorridorLine[], cameras: readonly Camera[], options: TrafficOptions) {
  const { random } = options;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const runId = Math.floor(random() * 36 ** 6).toString(36);
  let counter = 0;
  const vehicles: WrongWayVehicle[] = [];
  const camerasOf = (corridorId: string, carriageway: Camera['carriageway']) =>
    cameras.filter((c) => c.corridorId === corridorId && c.carriageway === carriageway);

  function detection(camera: Camera, kind: AlertKind, at: Date, v: { plate: string; vehicleClass: VehicleClass; speedKmh: number; heading: number }): Detection {
    counter += 1;
    return {
      eventId: `${camera.id}:${runId}-${counter}`,
      cameraId: camera.id,
      kind,
      observedAt: at.toISOString(),
      location: camera.location,
      headingDeg: Math.round(v.heading),
      speedKmh: Math.round(v.speedKmh),
      confidence: Math.round((0.75 + random() * 0.24) * 100) / 100,
      plate: random() < 0.85 ? v.plate : undefined,
      vehicleClass: v.vehicleClass,
    };
  }

  function spawnWrongWay(at: Date, choice: WrongWaySpawn = {}): Detection {
    const camera = cameras.find((c) => c.id === choice.cameraId) ?? pick(cameras);
    const corridor = lines.find((l) => l.id === camera.corridorId)!;
    const direction: 1 | -1 = camera.carriageway === 'forward' ? -1 : 1;
    const vehicle: WrongWayVehicle = {
      plate: randomPlate(random),
      vehicleClass: pick(classes),
      corridor,
      carriageway: camera.carriageway,
      direction,
      km: camera.km,
      speedKmh: choice.speedKmh ?? 45 + random() * 70,
      exitKm: camera.km + direction * (choice.exitAfterKm ?? 3 + random() * 12),
    };
    vehicles.push(vehicle);
    return detection(camera, 'wrong_way', at, { ...vehicle, heading: headingAt(corridor, camera.km, direction) });
  }

  function moveVehicles(at: Date, dtSec: number): Detection[] {
    const out: Detection[] = [];
    for (const v of [...vehicles]) {
      const from = v.km;
      const to = from + (v.direction * v.speedKmh * dtSec) / 3600;
      const [lo, hi] = from < to ? [from, to] : [to, from];
      for (const camera of camerasOf(v.corridor.id, v.carriageway)) {
        // A camera is passed when it lies strictly beyond the start and up to the end of this step.
        if (camera.km > lo && camera.km <= hi && camera.km !== from) {
          out.push(detection(camera, 'wrong_way', at, { ...v, heading: headingAt(v.corridor, camera.km, v.direction) }));
        }
      }
      v.km = to;
      const gone = v.direction === 1 ? to >= Math.min(v.exitKm, v.corridor.lengthKm) : to <= Math.max(v.exitKm, 0);
      if (gone) vehicles.splice(vehicles.indexOf(v), 1);
    }
    return out;
  }

  function otherDetection(at: Date): Detection {
    const camera = pick(cameras);
    const corridor = lines.find((l) => l.id === camera.corridorId)!;
    const lawful: 1 | -1 = camera.carriageway === 'forward' ? 1 : -1;
    const kind = pick(otherKinds);
    const speedKmh = kind === 'stopped_vehicle' ? 0 : kind === 'speeding' || kind === 'racing' ? 130 + random() * 60 : 80 + random() * 50;
    return detection(camera, kind, at, { plate: randomPlate(random), vehicleClass: pick(classes), speedKmh, heading: headingAt(corridor, camera.km, lawful) });
  }

  return {
    /** Advances the world by `dtSec` seconds ending at `at`; returns what the cameras saw. */
    step(at: Date, dtSec: number): Detection[] {
      const out = moveVehicles(at, dtSec);
      if (random() < dtSec / options.wrongWayEverySec) out.push(spawnWrongWay(at));
      if (random() < dtSec / options.otherEverySec) out.push(otherDetection(at));
      return out;
    },
    /** Puts a wrong-way driver on the road now, first seen by `cameraId` (or a random camera). */
    spawnWrongWay,
    get activeWrongWay(): number {
      return vehicles.length;
    },
  };
}
