// The cue finder's public names: compile the patterns of a lexicon, check one, find the cues of a readout.
export { checkCuePattern } from './pattern';
export { compileCuePatterns, type CueMatcher } from './compile';
export { CueFinder, findCues } from './finder';
export { ACTOR_HISTORY, isOpenPronoun } from './actors';
export { WORD_CLASS_IDS, compileCueWords, wordListsOf, type CueWords, type WordLists } from './words';
