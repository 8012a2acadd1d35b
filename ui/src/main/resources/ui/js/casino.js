// The casino lobby's data, fetched once per visit to the casino and shared by its screens.
import { ref } from 'vue';
import { api } from './api.js';

export const games = ref(null);

export async function loadGames(force = false) {
  if (games.value && !force) return games.value;
  games.value = (await api.games()).games;
  return games.value;
}

export { GAME_TITLES as titles } from './format.js';
