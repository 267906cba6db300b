import Resolver from '@forge/resolver';
import { OVERVIEW_KEY } from '../contract';
import { getOverview } from './overview';

const resolver = new Resolver();
resolver.define(OVERVIEW_KEY, getOverview);

export const handler = resolver.getDefinitions();
